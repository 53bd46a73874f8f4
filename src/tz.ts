// Imported first by every entry point: the process runs in UTC and converts to
// Europe/London explicitly (see src/calendar/london-time.ts). node-cron with a London
// timezone on a London host misfires at the October clock change (docs/stack notes).
process.env.TZ = 'UTC';
export {};
