import type { Block } from '../../core/message';
import { t } from '../../i18n/en-GB';

/**
 * The leader's buttons under the schools and people lists: add, then edit and archive when
 * there is something to pick, then importing a CSV. Verbs are `<entity>.form` / `<entity>.pick`.
 */
export function leaderListButtons(input: {
  entity: 'school' | 'person';
  hasRows: boolean;
  add: string;
  edit: string;
  archive: string;
}): Block {
  return {
    type: 'buttons',
    buttons: [
      { label: input.add, verb: `${input.entity}.form`, style: 'primary' },
      ...(input.hasRows
        ? [
            { label: input.edit, verb: `${input.entity}.pick`, data: { intent: 'edit' } },
            { label: input.archive, verb: `${input.entity}.pick`, data: { intent: 'archive' } },
          ]
        : []),
      { label: t('schools.import'), verb: 'import.help' },
    ],
  };
}
