import type { OutboundMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';

/**
 * The confirmation card before archiving or restoring a school or a person: one button that
 * does it (red for archive), one that cancels. Nothing changes until the button is pressed.
 */
export function archiveConfirmation(input: {
  archive: boolean;
  text: string;
  buttonLabel: string;
  verb: string;
  data: Record<string, string>;
}): OutboundMessage {
  return {
    summary: input.text,
    blocks: [
      { type: 'text', text: input.text },
      {
        type: 'buttons',
        buttons: [
          {
            label: input.buttonLabel,
            verb: input.verb,
            data: { ...input.data, archived: input.archive ? 'true' : 'false' },
            style: input.archive ? 'danger' : 'primary',
          },
          { label: t('import.cancel'), verb: 'form.cancel' },
        ],
      },
    ],
  };
}
