/** Campaigns and conversations shared by every feature (src/flows/campaigns, src/flows/conversations). */
export const plumbingMessages = {
  'campaign.progress': '{answered} of {total} {units} answered.',
  'campaign.unreached.title': 'Not reached ({count}):',
  'campaign.unreached.not-linked': '{name} ({unit}): not linked to a chat account yet',
  'campaign.unreached.no-address': '{name} ({unit}): linked, but I have no chat to message them in',
  'campaign.unreached.unreachable': '{name} ({unit}): their chat platform says they cannot be reached (left the team or blocked the bot)',
  'campaign.unreached.more': '… and {count} more.',
  'campaign.unreached.remedy':
    'Type **reach** to look people up by email, or ask them to send me any message. They get their invitation within the hour once I can reach them, while this is open.',
  'cancel.done': 'Cancelled {what}. Nothing else was changed.',
  'cancel.resume': 'To start again: {resume}',
  'cancel.nothing': 'There was nothing to cancel.',
  'cancel.unknown': 'what you were doing',
} as const;
