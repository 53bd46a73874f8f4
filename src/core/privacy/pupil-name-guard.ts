/**
 * A guard for every free-text field (self-evaluation evidence, check-in notes, buddy feedback):
 * does this look like it names a pupil? No pupil-identifiable data belongs in chat (domain
 * brief §7), so a hit gets a warning and an offer to rephrase before anything is saved.
 *
 * Heuristic and deliberately cautious: a capitalised word that is not a common word, a title
 * or an acronym, close to a word about pupils (pupil, child, student, Year 4, Y6, EHCP,
 * diagnosis...). A false alarm costs a tap ("save anyway"); a miss can put a child's name in a
 * chat log. Pure and deterministic.
 */

export interface PupilNameHit {
  /** The word (or two words) that look like a name, as written. */
  name: string;
  /** The nearby word that suggests a pupil, as written. */
  near: string;
  /** Character offset of the name in the text. */
  index: number;
}

export interface PupilNameCheck {
  flagged: boolean;
  hits: PupilNameHit[];
}

/** Words after which a pupil is being talked about. Lower case; matched whole. */
const TRIGGERS = new Set([
  'pupil',
  'pupils',
  'child',
  'children',
  'student',
  'students',
  'learner',
  'learners',
  'boy',
  'girl',
  'son',
  'daughter',
  'ehcp',
  'ehcps',
  'ehc',
  'reception',
  'nursery',
  'diagnosis',
  'diagnosed',
  'autistic',
  'autism',
  'adhd',
  'asd',
  'dyslexic',
  'dyslexia',
  'excluded',
  'exclusion',
  'referral',
  'referred',
  'pupil premium',
  'lac',
  'cla',
]);

/** Year groups and class shorthands: Year 4, Yr 4, Y4, Year R. */
const YEAR_GROUP = /^(?:year|yr|y)\s?(?:[1-9]|1[0-3]|r)$/i;

/**
 * Capitalised words that are not names: sentence starters, school words, days, months,
 * subjects and acronyms. Kept short and plain; add words here when a false alarm is reported.
 */
const NOT_NAMES = new Set(
  (
    'i a an the this that these those there then their they them he she it its we our us you your my me ' +
    'all any some most many several each every one two three four five both few no not none yes also ' +
    'when where what which who why how if as at after before since while until during because so but and or ' +
    'in on to from for with without by of about into over under between through across ' +
    'is are was were be been has have had do does did can could will would should must may might ' +
    'pupil pupils child children student students learner learners parent parents carer carers family families ' +
    'staff teacher teachers ta tas teaching assistant assistants senco sencos head headteacher deputy governor governors trustee trustees ' +
    'school schools class classes year years term terms reception nursery key stage ks1 ks2 ks3 ks4 ' +
    'send sen ehcp ehcps ehc semh slcn asd adhd sald mld pmld camhs ep eps salt ot la las lea dfe ofsted npq nasenco mat cpd inset ' +
    'sen support code practice plan plans review reviews annual provision map maps intervention interventions ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'autumn spring summer christmas easter half ' +
    'english maths mathematics science phonics reading writing pe art music history geography computing re pshe rshe ' +
    'mr mrs ms miss dr sir madam mx ' +
    'trust academy primary secondary special ap mainstream local authority council england ' +
    'we’ve we’re i’m it’s don’t ok okay please thanks thank note notes evidence help'
  ).split(/\s+/),
);

/** Adults are referred to by title: the word after one of these is not a pupil. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx', 'sir', 'prof']);
/** Places follow these: "pupils in Leeds" is not a name. */
const PLACE_WORDS = new Set(['in', 'at', 'from', 'near']);

/** How many words either side a pupil word may be from a name. */
const WINDOW = 8;

interface Token {
  text: string;
  lower: string;
  index: number;
  /** First word of a sentence (capitalised anyway). */
  sentenceStart: boolean;
  capitalised: boolean;
  possessive: boolean;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*|\d+|[.!?\n]/g;
  let sentenceStart = true;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    if (/^[.!?\n]$/.test(raw)) {
      sentenceStart = true;
      continue;
    }
    const possessive = /['’]s$/i.test(raw);
    const word = raw.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      index: m.index,
      sentenceStart,
      capitalised: /^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’-]+$/.test(word),
      possessive,
    });
    sentenceStart = false;
  }
  return tokens;
}

/** Does the token, or the token with the next one (Year 4), mark a pupil? Returns the words. */
function triggerAt(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (next && YEAR_GROUP.test(`${t.lower} ${next.lower}`)) return `${t.text} ${next.text}`;
  if (YEAR_GROUP.test(t.lower)) return t.text;
  if (TRIGGERS.has(t.lower)) return t.text;
  return null;
}

function isCandidate(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised || NOT_NAMES.has(t.lower) || t.text.length < 2) return false;
  const prev = tokens[i - 1];
  if (prev && TITLES.has(prev.lower)) return false;
  if (prev && PLACE_WORDS.has(prev.lower) && !t.possessive) return false;
  // "Sarah from the local authority": a professional, named by where they work.
  if (tokens[i + 1]?.lower === 'from') return false;
  if (!t.sentenceStart) return true;
  // A capitalised first word is only a name when something else says so: "Sam's EHCP",
  // "Sam Jones", "Sam in Year 4".
  const next = tokens[i + 1];
  return (
    t.possessive || (next !== undefined && next.capitalised && !NOT_NAMES.has(next.lower)) || (next !== undefined && next.lower === 'in')
  );
}

/** Checks free text for what looks like a pupil's name. */
export function checkPupilNames(text: string): PupilNameCheck {
  const tokens = tokenise(text);
  const triggers: Array<{ at: number; words: string }> = [];
  tokens.forEach((_, i) => {
    const words = triggerAt(tokens, i);
    if (words) triggers.push({ at: i, words });
  });
  const hits: PupilNameHit[] = [];
  if (triggers.length === 0) return { flagged: false, hits };
  for (let i = 0; i < tokens.length; i++) {
    if (!isCandidate(tokens, i)) continue;
    const near = triggers.find((tr) => tr.at !== i && Math.abs(tr.at - i) <= WINDOW);
    if (!near) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const surname = next && next.capitalised && !NOT_NAMES.has(next.lower) && !next.sentenceStart;
    hits.push({ name: surname ? `${t.text} ${next.text}` : t.text, near: near.words, index: t.index });
    if (surname) i++;
  }
  return { flagged: hits.length > 0, hits };
}
