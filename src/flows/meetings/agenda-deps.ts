import type { MeetingAgendaRepo } from '../../core/meeting-agenda-port';

/** The agenda part of network meetings (topics asked, agenda set and sent, notes after). */
export interface MeetingAgendaDeps {
  repo: MeetingAgendaRepo;
}

declare module '../deps' {
  interface FeatureServices {
    /** Agendas of network meetings (issue 11, item 4). */
    meetingAgenda: MeetingAgendaDeps;
  }
}
