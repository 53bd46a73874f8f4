/** Wording around files the bot sends (download links, the Teams consent card). */
export const fileMessages = {
  'file.link': '[Download {name}]({url}) (the link works until {until})',
  'file.consent': 'I would like to send you {name}. Press Allow to save it in your OneDrive.',
  'file.declined': 'No problem. You can still [download {name}]({url}) until {until}.',
  'file.gone': 'Sorry, that file is no longer available. Ask me for it again.',
  'file.sent': 'Here is {name}.',
} as const;
