'use strict';
/*
 * What scripts/screenshots.js plays, in order. A stage is either a command line run while the
 * bot is stopped (the embedded database belongs to one process) or a set of scenes played in
 * the Agents Playground as one person (`as`: playground/<as>.yml). A scene's `play` types and
 * presses as that person would; the cards it ends on are saved as docs/screenshots/<name>.png.
 * Scenes marked `always` run even with --only (the steps later scenes need); `shot: false`
 * marks a step that is not a picture.
 */

const stages = [
  {
    as: 'leader',
    scenes: [
      {
        name: 'leader-setup',
        always: true,
        what: 'first run: set up the trust',
        play: async (chat) => chat.say('setup'),
      },
      {
        name: 'setup-done',
        always: true,
        shot: false,
        what: 'set-up submitted',
        play: async (chat) => {
          await chat.fill('Trust name', 'North Star Trust');
          await chat.press('Set up the trust');
        },
      },
    ],
  },
  { cli: ['dist/scripts/import.js', 'test/fixtures/roster/trust.csv', '--yes'] },
  {
    as: 'leader',
    scenes: [
      { name: 'leader-help', what: 'help for a MAT SEND leader', play: async (chat) => chat.say('help') },
      { name: 'leader-people', what: 'the people list', play: async (chat) => chat.say('people') },
      { name: 'leader-schools', what: 'the schools list', play: async (chat) => chat.say('schools') },
      { name: 'leader-round-preview', what: 'a check-in round before it starts', play: async (chat) => chat.say('checkin round start') },
      {
        name: 'leader-round-started',
        what: 'the round started',
        play: async (chat) => chat.press('Start and send invitations'),
      },
      { name: 'leader-round-status', what: 'live status of the round', play: async (chat) => chat.say('checkin status') },
      {
        name: 'leader-home',
        what: "the SEND leader's Home: the running round and what waits for them",
        play: async (chat) => chat.say('home'),
      },
    ],
  },
  {
    as: 'senco',
    scenes: [
      { name: 'senco-help', what: 'help for a SENCO', play: async (chat) => chat.say('help') },
      { name: 'senco-checkin', what: "the SENCO's check-in", play: async (chat) => chat.say('checkin') },
      { name: 'senco-home', what: "the SENCO's Home: what needs them", play: async (chat) => chat.say('home') },
      {
        name: 'senco-checkin-cancel',
        what: 'cancel part-way through a check-in: answers kept, how to resume',
        play: async (chat) => chat.say('cancel'),
      },
    ],
  },
  {
    as: 'leader',
    scenes: [
      {
        name: 'leader-round-summary',
        what: 'the closing summary of a round',
        play: async (chat) => {
          await chat.say('checkin close');
          await chat.press('Close and summarise');
        },
      },
    ],
  },
  {
    as: 'trust-leader',
    scenes: [
      { name: 'trust-leader-digest', what: 'the weekly digest on demand', play: async (chat) => chat.say('digest') },
      { name: 'trust-leader-home', what: "the trust leader's Home: the latest digest", play: async (chat) => chat.say('home') },
    ],
  },
  {
    as: 'leader',
    scenes: [
      {
        name: 'meetings-leader-proposal',
        what: 'a series of network meetings: the dates proposed from the school calendars',
        play: async (chat) => {
          await chat.say('meeting new');
          await chat.fill('Title', 'SENCO network: provision maps');
          await chat.fill('Join link (online), starting https://', 'https://teams.microsoft.com/l/meetup-join/north-star');
          await chat.press('Propose dates');
        },
      },
      { name: 'meetings-leader-sent', shot: false, what: 'invitations sent', play: async (chat) => chat.press('Send invitations') },
    ],
  },
  {
    as: 'senco',
    scenes: [
      {
        name: 'meetings-invitation',
        what: "a SENCO's invitation to the next network meeting (as `meetings` shows it)",
        // The reply is an intro, one card per meeting still to come, then the subscribe button:
        // the picture is the first meeting's card (the intro is plain text, not a card).
        cards: 1,
        fromReply: 0,
        play: async (chat) => {
          // The invitations (and any reminder already due) arrive on their own first: let them,
          // for longer than the scheduler's one-minute tick, so the reply below is not mixed in.
          await chat.settle(65_000);
          await chat.say('meetings');
        },
      },
    ],
  },
  {
    as: 'leader',
    scenes: [
      {
        name: 'selfeval-started',
        shot: false,
        what: 'a self-evaluation cycle opened',
        play: async (chat) => chat.say('selfeval start 2026-27'),
      },
      {
        name: 'leader-bulletin-new',
        what: 'composing a bulletin: title, body, audience, acknowledgement',
        play: async (chat) => chat.say('bulletin new'),
      },
      { name: 'leader-buddies', what: "the leader's buddying view: pairs and the waiting list", play: async (chat) => chat.say('buddies') },
    ],
  },
  {
    as: 'senco',
    scenes: [
      {
        name: 'senco-selfeval',
        what: "a SENCO's self-evaluation: who sees the answers, then the first statement",
        play: async (chat) => chat.say('selfeval'),
      },
      { name: 'senco-buddy', what: 'a SENCO asking for a buddy', play: async (chat) => chat.say('buddy EHCP applications, SEMH') },
    ],
  },
];

module.exports = { stages };
