/** Bench target: the bare node:http + ask-sdk-core floor. */
import { createFloor } from '../peers/floor';
import { listenOnLoopback } from './listen';

listenOnLoopback(createFloor());
