/** Every command that writes holds the document lock, so two staff clicking at once cannot interleave. */
export class BusyError extends Error {}

export function withDocumentLock<T>(fn: () => T, waitMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) {
    throw new BusyError('Bảng tính đang được một người hoặc một tác vụ khác cập nhật. Vui lòng thử lại sau ít phút.');
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
