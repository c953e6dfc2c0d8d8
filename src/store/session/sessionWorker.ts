/**
 * The session's Web Worker: it holds the engine and one LabSession, so however long a step of
 * the engine takes, the page's main thread only draws and answers keys.
 */
import * as Engine from '@/engine';
import { provideEngine } from '../engine';
import { channelClock, hostSession } from './sessionHost';
import type { SessionScope } from './sessionHost';

provideEngine(Engine);
hostSession(globalThis as unknown as SessionScope, Engine, channelClock());
