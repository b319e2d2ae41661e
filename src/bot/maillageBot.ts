import { ConversationState, TeamsActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/mainDialog';
import { detectLanguage } from '../language/text';

/**
 * Routes each activity by type: messages and shared positions go to the main dialog, a conversation's first
 * contact gets a greeting. State is saved after every turn, so a restart or another instance picks up the thread.
 */
export class MaillageBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: MainDialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context, this.dialogState);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'location') await this.mainDialog.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneElseJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (someoneElseJoined) await this.mainDialog.greet(context, detectLanguage('', context.activity.locale));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
