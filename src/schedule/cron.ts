import nodeCron from 'node-cron';

export interface CronJob {
  stop(): void;
}

/** What the scheduler needs from a cron library; tests pass a fake that fires jobs by hand. */
export interface Cron {
  schedule(expression: string, fn: () => void, options: { timezone: string }): CronJob;
}

/** 'MM HH * * *' daily, or Monday to Friday for weekdays, read in the job's own time zone. */
export function cronExpression(time: string, days: 'daily' | 'weekdays'): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * ${days === 'weekdays' ? '1-5' : '*'}`;
}

/** node-cron v4: each task runs in its own IANA zone (node-cron handles DST when firing). */
export const nodeCronScheduler: Cron = {
  schedule(expression, fn, { timezone }) {
    const task = nodeCron.schedule(expression, () => fn(), { timezone, noOverlap: true });
    return {
      stop() {
        void task.destroy();
      },
    };
  },
};
