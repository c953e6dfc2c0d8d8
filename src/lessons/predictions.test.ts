/** A prediction is judged by what the engine did, not by a stored key. */
import { describe, expect, it } from 'vitest';
import { LessonSession } from './session';
import { predictsOf, shipped } from './testLessons';
import type { Lesson } from './types';

/** Play `lesson` up to its first predict step; return the session and that step. */
function atFirstPredict(lesson: Lesson) {
  const s = new LessonSession(lesson);
  for (const step of lesson.steps) {
    if (step.kind === 'predict') return { s, step };
    if (step.kind === 'setup') s.setup(step.commands);
    if (step.kind === 'command') s.type(step);
  }
  throw new Error('no predict step');
}

describe('predictions', () => {
  it('NAT: "rs1 and rs2 in turn" is right, "only rs1" is marked wrong', () => {
    const lesson = shipped('nat-seed');
    const a = atFirstPredict(lesson);
    expect(a.s.predict(a.step, 0)).toEqual({ right: [0], correct: true });
    const b = atFirstPredict(lesson);
    expect(b.s.predict(b.step, 1).correct).toBe(false);
  });

  it('the right answer follows the engine: with the service emptied first, "nothing" becomes right', () => {
    const lesson = shipped('nat-seed');
    const { s, step } = atFirstPredict(lesson);
    s.type({ host: 'director', command: 'ipvsadm -C' });
    const out = s.predict(step, 2);
    expect(out).toEqual({ right: [2], correct: true });
  });

  it('DR without the VIP on the real servers: the timeout choice is right', () => {
    const { s, step } = atFirstPredict(shipped('dr-seed'));
    const out = s.predict(step, 1);
    expect(out.right).toEqual([1]);
    expect(out.correct).toBe(true);
  });

  it('schedulers: wrr with weights 3:1:1 over 50 connections — "30 to rs1" right, "all 50" wrong', () => {
    const lesson = shipped('schedulers');
    const play = () => {
      const s = new LessonSession(lesson);
      const preds = predictsOf(lesson);
      for (const step of lesson.steps) {
        if (step === preds[1]) return { s, step: preds[1] };
        if (step.kind === 'command') s.type(step);
        if (step.kind === 'predict') s.predict(step, 0);
      }
      throw new Error('no second predict step');
    };
    const a = play();
    expect(a.s.predict(a.step, 0)).toEqual({ right: [0], correct: true });
    const b = play();
    expect(b.s.predict(b.step, 2)).toEqual({ right: [0], correct: false });
  });

  it('schedulers: rs1 slow (CGI sleep 2), ab -n 40 -c 8 under rr then lc — "lc sends rs1 fewer" right', () => {
    const lesson = shipped('schedulers');
    const slow = predictsOf(lesson).find((p) => p.run.some((c) => c.command.includes('/cgi-bin/work')))!;
    const play = () => {
      const s = new LessonSession(lesson);
      for (const step of lesson.steps) {
        if (step === slow) return s;
        if (step.kind === 'setup') s.setup(step.commands);
        if (step.kind === 'command') s.type(step);
        if (step.kind === 'predict') s.predict(step, 0);
      }
      throw new Error('no slow-server predict step');
    };
    expect(play().predict(slow, 0)).toEqual({ right: [0], correct: true });
    expect(play().predict(slow, 1)).toEqual({ right: [0], correct: false });
  });

  it('every shipped predict step offers at least two choices', () => {
    for (const id of ['nat-seed', 'dr-seed', 'tun-seed', 'schedulers', 'nat-bottleneck'])
      for (const p of predictsOf(shipped(id))) expect(p.choices.length).toBeGreaterThanOrEqual(2);
  });
});
