/**
 * The only way an address becomes something a user can click: a card's Action.OpenUrl takes its URL from here, and the
 * checks themselves live in src/language/urls.ts, shared with the import that vets links as it reads them. Replies
 * carry no links: a link in a reply would be Markdown or HTML built from data, which this project never writes.
 */
export { mailtoUrl, telUrl, webUrl } from '../language/urls';
