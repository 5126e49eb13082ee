import restify from 'restify';
export const planted = restify;
