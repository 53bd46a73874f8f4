/**
 * School calendar toolkit: pure functions and data, no I/O and no clock reads. Every question
 * takes the dates it needs, so callers decide what "now" is (and tests can pin it).
 */
export * from './local-date';
export * from './bank-holidays';
export * from './term-dates';
export * from './default-pattern';
export * from './school-calendar';
export * from './london-time';
export * from './weekly-rule';
export * from './quiet-hours';
export * from './daily';
