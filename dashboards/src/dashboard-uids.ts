/** Fixed dashboard uids: links, bookmarks and alert annotations point at these. */
export const BOT_OVERVIEW_UID = 'roboshpee-bot-overview';
export const BOT_RUNTIME_UID = 'roboshpee-bot-runtime';
export const STACK_HEALTH_UID = 'roboshpee-stack-health';
export const RUNBOOKS_UID = 'roboshpee-runbooks';
