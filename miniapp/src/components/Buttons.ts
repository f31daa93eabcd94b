/**
 * Taro's web Button writes `false` out as the attribute disabled="false", which every [disabled]
 * style (Taro's own included) still matches; leaving the prop out is the only real "no".
 */
export const onlyIf = (on: boolean): true | undefined => (on ? true : undefined);
