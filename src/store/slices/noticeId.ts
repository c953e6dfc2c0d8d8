let noticeId = 0;

/** Notices are told apart by id, so the same text shown twice is announced twice. */
export function nextNoticeId(): number {
  return ++noticeId;
}
