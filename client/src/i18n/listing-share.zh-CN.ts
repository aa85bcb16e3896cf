/** Chinese messages of sharing a listing with colleagues (owner's toolbar). */
export const listingShareZh = {
  listingShare: {
    button: '共享给同事',
    title: '共享给同事',
    intro: '勾选的同事可以和您一样编辑此条目并提交、撤回。只能选择本机构已批准的成员。',
    none: '本机构暂无其他已批准的成员',
    count: '已共享给 {n} 人',
    save: '保存',
    saved: '共享设置已保存',
  },
};
