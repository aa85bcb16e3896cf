/** Chinese messages of trustworthy recommendations: the relevance floor's empty state, subscribing, who is interested. */
export const matchingZh = {
  matchTrust: {
    noneForNeed: '暂无高匹配的成果',
    noneForResult: '暂无高匹配的需求',
    noneHint: '只推荐与本条目有共同关键词的内容。可订阅相关{kind}，有新的发布时通知您。',
    kindResults: '成果',
    kindNeeds: '需求',
    subscribe: '订阅“{q}”相关{kind}',
    subscribeName: '推荐订阅：{q}',
    subscribed: '已订阅，有新的匹配发布时会通知您',
    interestTitle: '感兴趣的机构',
    interestNone: '暂无机构表示感兴趣',
    interestFrom: '通过{kind}：',
    interestKinds: { need: '需求', result: '成果' },
  },
};
export type MatchingMessages = typeof matchingZh;
