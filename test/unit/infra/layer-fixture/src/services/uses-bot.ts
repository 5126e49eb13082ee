import { TurnContext } from 'botbuilder';
export const planted = TurnContext;
