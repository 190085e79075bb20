import type { Problem } from './problem';

/**
 * A ledger item for tests: an unfinished 镇级 item of 东村 (v1) found 2026-05-01, due 2026-05-31;
 * `over` sets what a test is about. Used only by tests.
 */
export const problemFixture = (over: Partial<Problem> = {}): Problem => ({
  id: over.number ?? Math.random().toString(36),
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  number: 'n',
  source: 'town',
  category: '人居环境',
  villageId: 'v1',
  place: '',
  description: '',
  foundOn: '2026-05-01',
  deadline: '2026-05-31',
  originalDeadline: '2026-05-31',
  extensions: [],
  responsiblePerson: '张三',
  responsibleLeader: '',
  measures: [],
  progress: [],
  beforePhotos: [],
  afterPhotos: [],
  status: 'inProgress',
  supervised: false,
  accountability: [],
  reports: [],
  ...over,
});
