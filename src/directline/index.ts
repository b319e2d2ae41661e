/** The web channel: the built-in Direct Line 3.0 endpoint and the website widget that uses it (or Azure's). */
export { registerDirectLine, DIRECT_LINE_BASE_PATH, type DirectLineEndpoint, type DirectLineOptions, type ConversationGrant } from './directLineEndpoint';
export { registerWidget, WIDGET_TOKEN_PATH, type WidgetOptions, type WidgetGrant } from './widgetRoutes';
export { DEFAULT_DIRECT_LINE_LIMITS, type DirectLineLimits } from './limits';
export { AZURE_DIRECT_LINE_BASE_URL } from './azureTokens';
export { DIRECT_LINE_CHANNEL_ID } from './activities';
