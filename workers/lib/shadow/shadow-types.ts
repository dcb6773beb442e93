// The shadow worker's data types live with the protocol (workers/types): the lib implements them.
export type * from '../../types/shadow-api';
