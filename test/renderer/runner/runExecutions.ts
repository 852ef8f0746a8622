import type { RunExecution } from '../../../shared/model/run'

/** An execution as the run stream lists it, for Runner tests. */
export function execution(
  index: number,
  over: { iteration?: number; path?: string; failedTest?: boolean; status?: number } = {},
): RunExecution {
  const path = over.path ?? 'Users/Get user.request.json'
  return {
    index,
    iteration: over.iteration ?? 0,
    item: { id: path, name: path.split('/').pop()!.replace('.request.json', ''), path },
    method: 'GET',
    url: `http://api.test/users/${index}`,
    startedAt: 0,
    response: {
      status: over.status ?? 200,
      statusText: 'OK',
      timeMs: 12,
      sizeBytes: 20,
      headers: [],
      body: '',
      bodyTruncated: false,
    },
    error: null,
    checks: {
      tests: [
        { name: 'status is 200', passed: true, source: 'script' },
        ...(over.failedTest
          ? [
              {
                name: 'id is 1',
                passed: false,
                source: 'script' as const,
                error: 'expected 2 to equal 1',
              },
            ]
          : []),
      ],
      console: [],
      scriptFailure: null,
    },
    scripts: { prerequest: 0, test: 1 },
    historyId: null,
  } as RunExecution
}
