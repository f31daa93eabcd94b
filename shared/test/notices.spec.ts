import { noticeLinkLabel, noticeTextToHtml } from '../src/notices';

describe("a chair's small markup as HTML", () => {
  it.each([
    ['# 报名须知', '<h3>报名须知</h3>'],
    ['第一行\n第二行\n\n新的一段', '<p>第一行<br />第二行</p><p>新的一段</p>'],
    ['- 带身份证\n- 带医保卡', '<ul><li>带身份证</li><li>带医保卡</li></ul>'],
    ['1. 先登记\n2、再检查', '<ol><li>先登记</li><li>再检查</li></ol>'],
    ['https://example.cn/a.jpg', '<p><img src="https://example.cn/a.jpg" /></p>'],
    ['详见 https://www.women.org.cn/x?a=1&b=2 。', '<p>详见 <a href="https://www.women.org.cn/x?a=1&amp;b=2">https://www.women.org.cn/x?a=1&amp;b=2</a> 。</p>'],
    ['报名：/packages/activities/detail?id=abc-1', '<p>报名：<a href="/packages/activities/detail?id=abc-1">查看活动</a></p>'],
    // Typed angle brackets are text, never tags; other pages and schemes are not links.
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['/packages/workbench/index?id=1 javascript:alert(1) http://plain.cn', '<p>/packages/workbench/index?id=1 javascript:alert(1) http://plain.cn</p>'],
  ])('%j', (text, html) => {
    expect(noticeTextToHtml(text)).toBe(html);
  });

  it('names the buttons of links in words', () => {
    expect(noticeLinkLabel('/packages/places/site?id=s1')).toBe('查看阵地');
    expect(noticeLinkLabel('https://example.cn')).toBe('打开链接');
  });
});
