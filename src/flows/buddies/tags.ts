/** Reading buddy tags from what people type or pick ("EHCP applications, SEMH"). */
import { BUDDY_TAGS, type BuddyTag } from '../../core/buddies/model';
import { BUDDY_TAG_LABELS, tagLabel } from '../../i18n/buddies';
import { joinList } from '../../i18n/en-GB';

export const KNOWN_TAGS: readonly string[] = BUDDY_TAGS;

/** Short words people type for each tag, besides its id and label. */
const WORDS: Record<string, readonly string[]> = {
  'ehcp-applications': ['ehcp', 'ehcps', 'ehc plans'],
  'annual-reviews': ['annual review', 'annual reviews', 'reviews'],
  'provision-mapping': ['provision map', 'provision maps', 'provision mapping'],
  semh: ['semh', 'behaviour', 'mental health'],
  'communication-interaction': ['communication', 'autism', 'slcn'],
  'local-authority': ['local authority', 'la', 'council'],
  'staff-training': ['staff training', 'training', 'cpd'],
  parents: ['parents', 'families', 'carers'],
  'graduated-approach': ['graduated approach', 'assess plan do review'],
  transition: ['transition', 'transitions'],
  npq: ['npq', 'nasenco', 'qualification'],
};

/** Tags named in free text, by id, label or a common word, in the order of BUDDY_TAGS. */
export function tagsIn(text: string): BuddyTag[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9-]+/g, ' ')} `;
  const has = (phrase: string) =>
    lower.includes(
      ` ${phrase
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, ' ')
        .trim()} `,
    );
  return KNOWN_TAGS.filter((tag) => has(tag) || has(BUDDY_TAG_LABELS[tag] ?? tag) || (WORDS[tag] ?? []).some(has));
}

export function tagsText(tags: readonly string[]): string {
  return joinList(tags.map(tagLabel));
}

export function tagOptions(): Array<{ label: string; value: string }> {
  return KNOWN_TAGS.map((tag) => ({ label: tagLabel(tag), value: tag }));
}
