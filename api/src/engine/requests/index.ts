export * from './request-transition.ts';
export * from './route-request.ts';
export * from './mask-contact.ts';
