import type { Answers, AnswerView, CategoryQuestion } from '@wfh/shared';
import { answerViews } from '../../src/modules/requests/answers';

const QUESTIONS: CategoryQuestion[] = [
  { key: 'topic', label: '大概是什么事', type: 'choice', required: true, options: ['婚姻财产', '土地房产'] },
  { key: 'safe_now', label: '您现在安全吗', type: 'yes_no', required: false },
  { key: 'people', label: '家里几口人', type: 'number', required: false },
  { key: 'where', label: '在哪里', type: 'text', required: false },
];

describe('her answers as a handler reads them', () => {
  const cases: Array<[name: string, answers: Answers, expected: AnswerView[]]> = [
    ['none', {}, []],
    [
      "each under its question's label, in the catalogue's order whatever order she sent them in",
      { where: '村东头', people: 3, safe_now: false, topic: '土地房产' },
      [
        { key: 'topic', label: '大概是什么事', value: '土地房产' },
        { key: 'safe_now', label: '您现在安全吗', value: '否' },
        { key: 'people', label: '家里几口人', value: '3' },
        { key: 'where', label: '在哪里', value: '村东头' },
      ],
    ],
    ['yes in words', { safe_now: true }, [{ key: 'safe_now', label: '您现在安全吗', value: '是' }]],
    ['questions she left out are left out', { people: 0 }, [{ key: 'people', label: '家里几口人', value: '0' }]],
    [
      'an answer to a question no longer in the catalogue shows last, under its key',
      { retired: '旧问题的回答', topic: '婚姻财产' },
      [
        { key: 'topic', label: '大概是什么事', value: '婚姻财产' },
        { key: 'retired', label: 'retired', value: '旧问题的回答' },
      ],
    ],
  ];

  it.each(cases)('%s', (_, answers, expected) => {
    expect(answerViews(QUESTIONS, answers)).toEqual(expected);
  });
});
