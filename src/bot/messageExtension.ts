import type { MessagingExtensionResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { serviceAttachment, sheetAttachment, type ComposeAttachment } from '../cards/composeCards';
import type { SheetLinks } from '../cards/sheetLinks';
import { detectLanguage, type Language } from '../language/text';
import { MAX_COMPOSE_COUNT, MAX_COMPOSE_SKIP, type ComposeItem, type ComposeSearch } from '../search/composeSearch';

/**
 * The Teams message extension (manifest: composeExtensions, command `searchSheets`, parameter `query`):
 * `composeExtension/query` lists sheets and services, each with its preview and its full card;
 * `composeExtension/selectItem` (a preview tapped) answers with the chosen one's card, made afresh.
 *
 * Invokes are parsed here; one that is not what Teams sends gets a 400 with a code a developer can look up, never a 5xx.
 */

export const SEARCH_COMMAND_ID = 'searchSheets';
export const QUERY_PARAMETER = 'query';
/** What Teams sends when the search box opens, before anything is typed. */
export const INITIAL_RUN_PARAMETER = 'initialRun';

/** Teams sends 25; a client asking for far more is not paging, and is told so. */
const MAX_ASKED_COUNT = 1000;
/** The box holds a line; anything longer is not a search. */
const MAX_QUERY_CHARS = 1000;

export const COMPOSE_ERRORS = {
  invalid_compose_query: 'The composeExtension/query value must be { commandId, parameters: [{ name, value }], queryOptions?: { skip, count } }.',
  unknown_command: `This message extension has one command, "${SEARCH_COMMAND_ID}".`,
  missing_query: `The "${QUERY_PARAMETER}" parameter (a string) or "${INITIAL_RUN_PARAMETER}" is required.`,
  query_too_long: `The "${QUERY_PARAMETER}" parameter holds at most ${MAX_QUERY_CHARS} characters: type a few words.`,
  invalid_paging: `queryOptions.skip must be an integer from 0 to ${MAX_COMPOSE_SKIP}, and count from 1 to ${MAX_ASKED_COUNT} (pages hold ${MAX_COMPOSE_COUNT} at most).`,
  invalid_select_item: 'The composeExtension/selectItem value must be { kind: "sheet" | "service", id } as the preview gave it.',
  item_not_found: 'This result no longer exists; search again.',
} as const;
export type ComposeErrorCode = keyof typeof COMPOSE_ERRORS;

const ParameterSchema = z.object({ name: z.string().max(100), value: z.unknown() });

const QueryValueSchema = z.object({
  commandId: z.string().max(200),
  parameters: z.array(ParameterSchema).max(20),
  queryOptions: z.unknown().optional(),
});

const PagingSchema = z
  .object({
    skip: z.number().int().min(0).max(MAX_COMPOSE_SKIP).optional(),
    count: z.number().int().min(1).max(MAX_ASKED_COUNT).optional(),
  })
  .optional();

const SelectItemValueSchema = z.object({ kind: z.enum(['sheet', 'service']), id: z.string().min(1).max(500) });

/** A request we refuse: the turn answers it with a 400 invoke response carrying this code. */
class ComposeRequestError extends Error {
  constructor(
    readonly code: ComposeErrorCode,
    readonly status: 400 | 404 = 400,
  ) {
    super(COMPOSE_ERRORS[code]);
  }
}

export interface ComposeQuery {
  query: string;
  skip: number;
  count: number;
}

/** Reads a `composeExtension/query` value as Teams sends it; throws a ComposeRequestError otherwise. */
export function readComposeQuery(value: unknown): ComposeQuery {
  const parsed = QueryValueSchema.safeParse(value);
  if (!parsed.success) throw new ComposeRequestError('invalid_compose_query');
  if (parsed.data.commandId !== SEARCH_COMMAND_ID) throw new ComposeRequestError('unknown_command');
  const paging = PagingSchema.safeParse(parsed.data.queryOptions ?? undefined);
  if (!paging.success) throw new ComposeRequestError('invalid_paging');
  const skip = paging.data?.skip ?? 0;
  const count = Math.min(paging.data?.count ?? MAX_COMPOSE_COUNT, MAX_COMPOSE_COUNT);

  const parameter = (name: string) => parsed.data.parameters.find((candidate) => candidate.name === name)?.value;
  const initialRun = parameter(INITIAL_RUN_PARAMETER);
  if (initialRun === true || initialRun === 'true') return { query: '', skip, count };
  const query = parameter(QUERY_PARAMETER);
  if (typeof query !== 'string') throw new ComposeRequestError('missing_query');
  // A pasted page is not a search; saying the query is missing would send the developer looking in the wrong place.
  if (query.length > MAX_QUERY_CHARS) throw new ComposeRequestError('query_too_long');
  return { query: query.trim(), skip, count };
}

export class ComposeMessageExtension {
  constructor(
    private readonly search: ComposeSearch,
    /** A shared sheet's card links to its whole page (Teams' stage view); without it, no link. */
    private readonly links?: SheetLinks,
  ) {}

  async query(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    return this.answer(context, async () => {
      const asked = readComposeQuery(value);
      const items = await this.search.page(asked);
      const language = languageOf(context, asked.query);
      return listResult(items.map((item) => this.attachmentOf(context, item, language)));
    });
  }

  async selectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    return this.answer(context, async () => {
      const parsed = SelectItemValueSchema.safeParse(value);
      if (!parsed.success) throw new ComposeRequestError('invalid_select_item');
      const item = this.search.item(parsed.data);
      if (!item) throw new ComposeRequestError('item_not_found', 404);
      const attachment = this.attachmentOf(context, item, languageOf(context, ''));
      // The chosen card alone, without the preview: it is what goes into the message.
      return listResult([{ contentType: attachment.contentType, content: attachment.content }]);
    });
  }

  /** The card goes into a Teams message: its link opens the sheet in the stage view of the channel it came from. */
  private attachmentOf(context: TurnContext, item: ComposeItem, language: Language): ComposeAttachment {
    if (item.kind === 'service') return serviceAttachment(item.service, language);
    return sheetAttachment(item.sheet, language, this.links?.openSheet(item.sheet, context.activity.channelId));
  }

  /**
   * TeamsActivityHandler answers whatever these handlers return with a 200; a refused request sends its own 400
   * invoke response first, which botbuilder then keeps (it sends one invoke response per turn).
   */
  private async answer(context: TurnContext, work: () => Promise<MessagingExtensionResponse>): Promise<MessagingExtensionResponse> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ComposeRequestError)) throw error;
      await context.sendActivity({ type: 'invokeResponse', value: { status: error.status, body: { error: { code: error.code, message: error.message } } } });
      return {};
    }
  }
}

function listResult(attachments: ReadonlyArray<Pick<ComposeAttachment, 'contentType' | 'content'> & Partial<ComposeAttachment>>): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [...attachments] } };
}

/** The Teams client's locale, unless the query itself is plainly in the other language. */
function languageOf(context: TurnContext, query: string): Language {
  const locale = typeof context.activity.locale === 'string' ? context.activity.locale : undefined;
  return detectLanguage(query, locale);
}
