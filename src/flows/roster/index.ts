import type { Feature } from '../feature';
import { auditCommand } from './audit';
import { importActions, importCommand, importHelp, csvUpload } from './import';
import { greet, joinDecide, joinSubmit, requestsCommand } from './join';
import { personActions, personCommands, peopleCommand } from './people';
import { eraseMeCommand, myDataCommand, privacyActions } from './privacy';
import { profileActions, profileCommand } from './profile';
import { handleMembers, reachCommand } from './reach';
import { schoolActions, schoolCommands, schoolsCommand } from './schools';
import { formCancel, setupCommand, setupSubmit } from './setup';

/** Trust set-up, schools, people, profiles, imports, identities, audit and personal data. */
export const rosterFeature: Feature = {
  id: 'roster',
  register(app) {
    for (const command of [
      setupCommand,
      schoolsCommand,
      ...schoolCommands,
      peopleCommand,
      ...personCommands,
      profileCommand,
      importCommand,
      reachCommand,
      requestsCommand,
      auditCommand,
      myDataCommand,
      eraseMeCommand,
    ]) {
      app.command(command);
    }
    for (const action of [
      setupSubmit,
      formCancel,
      joinSubmit,
      joinDecide,
      importHelp,
      ...schoolActions,
      ...personActions,
      ...profileActions,
      ...importActions,
      ...privacyActions,
    ]) {
      app.action(action);
    }
    app.upload(csvUpload).greeter(greet).onMembers(handleMembers);
  },
};

export { handleMembers } from './reach';
