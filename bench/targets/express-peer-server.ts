/** Bench target: the Express + ask-sdk-express-adapter peer. */
import { createExpressPeer } from '../peers/express-peer';
import { listenOnLoopback } from './listen';

listenOnLoopback(createExpressPeer());
