import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardProcess } from '../../src-main/core';

describe('guardProcess', () => {
  it('logs an unhandled rejection and an uncaught exception instead of ending the process', () => {
    const target = new EventEmitter();
    const logs: string[] = [];
    guardProcess((m) => logs.push(m), target);
    target.emit('unhandledRejection', new Error('a job failed'));
    target.emit('unhandledRejection', 'not even an error');
    target.emit('uncaughtException', new Error('a listener threw'));
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/^unhandled rejection \(kept running\): Error: a job failed/);
    expect(logs[1]).toBe('unhandled rejection (kept running): not even an error');
    expect(logs[2]).toMatch(/^uncaught exception \(kept running\): Error: a listener threw/);
  });
});
