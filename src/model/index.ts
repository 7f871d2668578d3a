export * from './span.js';
export * from './message.js';
export * from './document.js';
export * from './structure.js';
export * from './entity.js';
export * from './timex.js';
export * from './event.js';
export * from './analysis.js';
