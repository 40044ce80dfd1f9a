/** The tag of our in-page UI's shadow hosts; events from inside them reach the page retargeted to it. */
export const HOST_TAG = 'async-etiquette-ui';
