/** The card verbs of self-evaluation (the router checks each one's audience as ever). */
export const VERBS = {
  begin: 'selfeval-begin',
  rate: 'selfeval-rate',
  skip: 'selfeval-skip',
  finish: 'selfeval-finish',
  saveAnyway: 'selfeval-save-anyway',
  share: 'selfeval-share',
  unshare: 'selfeval-unshare',
} as const;
