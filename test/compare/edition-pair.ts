/**
 * A made-up annual review and its next edition, written for these tests: one sentence reworded,
 * one removed, one added, a date changed and a condemnation negated; everything else identical.
 */
const COMMON_HEAD = `Annual Review of Foreign Policy

Relations with Europe

Japan and the European Union held a summit in Brussels to discuss trade and security.`;

export const EDITION_A = `${COMMON_HEAD}
Japan strongly supports the work of the United Nations on nuclear disarmament. On 3 March 2022, Japan imposed sanctions on Russia. Japan condemned the missile launch by North Korea. The Foreign Minister of Japan visited Canberra to discuss fisheries. Trade with Europe grew steadily throughout the year.
`;

export const EDITION_B = `${COMMON_HEAD}
Japan firmly supports the work of the United Nations on nuclear disarmament. On 5 March 2022, Japan imposed sanctions on Russia. Japan did not condemn the missile launch by North Korea. Trade with Europe grew steadily throughout the year. In November 2022, Japan and India signed an agreement on clean energy.
`;
