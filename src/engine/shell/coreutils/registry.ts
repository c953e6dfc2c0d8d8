/** The programs every simulated host has besides its network tools (coreutils, grep). */
import type { CommandImpl } from '../types';
import { ddCommand, fallocateCommand } from './bigFiles';
import { catCommand, teeCommand } from './cat';
import { chmodCommand, lsCommand, mkdirCommand, rmCommand, touchCommand } from './files';
import { grepCommand } from './grep';
import { basenameCommand, dirnameCommand, envCommand, hostnameCommand } from './names';
import { seqCommand } from './seq';
import { sleepCommand } from './sleep';
import { headCommand, tailCommand } from './headTail';
import { cutCommand, sortCommand, trCommand, uniqCommand, wcCommand } from './text';
import { yesCommand } from './yes';

export const coreUtilities: ReadonlyMap<string, CommandImpl> = new Map<string, CommandImpl>([
  ['basename', basenameCommand],
  ['cat', catCommand],
  ['chmod', chmodCommand],
  ['cut', cutCommand],
  ['dd', ddCommand],
  ['dirname', dirnameCommand],
  ['env', envCommand],
  ['fallocate', fallocateCommand],
  ['grep', grepCommand],
  ['head', headCommand],
  ['hostname', hostnameCommand],
  ['ls', lsCommand],
  ['mkdir', mkdirCommand],
  ['printenv', envCommand],
  ['rm', rmCommand],
  ['seq', seqCommand],
  ['sleep', sleepCommand],
  ['sort', sortCommand],
  ['tail', tailCommand],
  ['tee', teeCommand],
  ['touch', touchCommand],
  ['tr', trCommand],
  ['uniq', uniqCommand],
  ['wc', wcCommand],
  ['yes', yesCommand],
]);
