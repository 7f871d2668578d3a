/** Currency signs and names -> ISO 4217 codes. */
export const CURRENCY_SIGN: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', A$: 'AUD', C$: 'CAD' };

export const CURRENCY_WORD: Record<string, string> = {
  'japanese yen': 'JPY', yen: 'JPY', 'us dollars': 'USD', 'u.s. dollars': 'USD', dollars: 'USD', euros: 'EUR', euro: 'EUR',
  pounds: 'GBP', 'pounds sterling': 'GBP', rubles: 'RUB', roubles: 'RUB', yuan: 'CNY', renminbi: 'CNY', won: 'KRW',
  rupees: 'INR', 'swiss francs': 'CHF', francs: 'CHF', hryvnias: 'UAH',
};

export const CURRENCY_SIGN_SRC = '(?:US\\$|A\\$|C\\$|\\$|€|£|¥)';
export const CURRENCY_WORD_SRC = '(?:Japanese[ \\t]+yen|yen|U\\.?S\\.?[ \\t]+dollars|dollars|euros?|pounds(?:[ \\t]+sterling)?|rubles|roubles|yuan|renminbi|won|rupees|Swiss[ \\t]+francs|francs|hryvnias)';
