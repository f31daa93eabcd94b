/**
 * chinese-days builds its holiday table in the process's local time zone when it loads: in a zone
 * behind UTC every date shifts by one day. China has one zone, so the process runs in it. Imported
 * before chinese-days; all our own time arithmetic is in UTC and unaffected.
 */
process.env.TZ = 'Asia/Shanghai';
