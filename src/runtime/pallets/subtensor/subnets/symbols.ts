// Subnet token symbols (subtensor.md §3.1 step 8, §3.2 update_symbol): the fixed table, the next free symbol for a new subnet, and the checks update_symbol makes.
// From pallets/subtensor/src/subnets/symbols.rs @ 14bc6f9 (`SYMBOLS` :8, `get_name_for_subnet` :472, `get_symbol_for_subnet` :927,
// `get_next_available_symbol` :934, `ensure_symbol_exists` :960, `ensure_symbol_available` :968) and macros/dispatches.rs (`update_symbol` :1977).
import { hexToU8a, u8aToHex } from '@polkadot/util'
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { DispatchFailure, dispatchError } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { events } from '../events.ts'
import { SubnetIdentitiesV3, SubnetOwner, TokenSymbol } from '../storage/subnets.ts'

const P = 'SubtensorModule'

/** `SYMBOLS` as hex: 439 UTF-8 symbols, index = the netuid that gets it by default (0 = Τ for root, 1 = α, …). */
const SYMBOL_HEX: readonly string[] = [
  'cea4', 'ceb1', 'ceb2', 'ceb3', 'ceb4', 'ceb5', 'ceb6', 'ceb7', 'ceb8', 'ceb9', 'ceba', 'cebb',
  'cebc', 'cebd', 'cebe', 'cebf', 'cf80', 'cf81', 'cf83', '74', 'cf85', 'cf86', 'cf87', 'cf88',
  'cf89', 'd790', 'd791', 'd792', 'd793', 'd794', 'd795', 'd796', 'd797', 'd798', 'd799', 'd79a',
  'd79b', 'd79c', 'd79d', 'd79e', 'd79f', 'd7a0', 'd7a1', 'd7a2', 'd7a3', 'd7a4', 'd7a5', 'd7a6',
  'd7a7', 'd7a8', 'd7a9', 'd7aa', 'd8a7', 'd8a8', 'd8aa', 'd8ab', 'd8ac', 'd8ad', 'd8ae', 'd8af',
  'd8b0', 'd8b1', 'd8b2', 'd8b3', 'd8b4', 'd8b5', 'd8b6', 'd8b7', 'd8b8', 'd8b9', 'd8ba', 'd981',
  'd982', 'd983', 'd984', 'd985', 'd986', 'd987', 'd988', 'd98a', 'd989', 'e19aa0', 'e19aa2', 'e19aa6',
  'e19aa8', 'e19ab1', 'e19ab3', 'd0ab', 'e19b89', 'e19b92', 'e19a80', 'e19a81', 'e19a82', 'e19a83', 'e19a84', 'e19a85',
  'e19a9b', 'e18390', 'e18391', 'e18392', 'e18393', 'e18394', 'e18395', 'd4b1', 'd4b2', 'd4b3', 'd4b4', 'd4b5',
  'd4b6', 'd59e', 'd080', 'd081', 'd082', 'd083', 'd084', 'd085', 'd18a', 'e2b280', 'e2b281', 'e2b282',
  'e2b283', 'e2b284', 'e2b285', 'f0918080', 'f0918081', 'f0918082', 'f0918083', 'f0918085', 'e0b6b1', 'e0b6b3', 'e0b6b4', 'e0b6b5',
  'e0b6b6', 'e0b6b7', 'e2b080', 'e2b081', 'e2b082', 'e2b083', 'e2b084', 'e2b085', 'e2b086', 'e2b087', 'e2b088', 'e2b089',
  'e2b08a', 'e2b08b', 'e2b08c', 'e2b08d', 'e2b08e', 'e2b08f', 'e2b090', 'e2b091', 'e2b092', 'e2b093', 'e2b094', 'e2b095',
  'e2b096', 'e2b097', 'e2b098', 'e2b099', 'e2b09a', 'e2b09b', 'e2b09c', 'e2b09d', 'e2b09e', 'e2b09f', 'e2b0a0', 'e0b881',
  'e0b882', 'e0b883', 'e0b884', 'e0b885', 'e0b886', 'e0b887', 'e0b888', 'e0b889', 'e0b88a', 'e0b88b', 'e0b88c', 'e0b88d',
  'e0b88e', 'e0b88f', 'e0b890', 'e0b891', 'e0b892', 'e0b893', 'e0b894', 'e0b895', 'e0b896', 'e0b897', 'e0b898', 'e0b899',
  'e0b89a', 'e0b89b', 'e0b89c', 'e0b89d', 'e0b89e', 'e0b89f', 'e0b8a0', 'e0b8a1', 'e0b8a2', 'e0b8a3', 'e0b8a5', 'e0b8a7',
  'e0b8a8', 'e0b8a9', 'e0b8aa', 'e0b8ab', 'e0b8ac', 'e0b8ad', 'e0b8ae', 'e384b1', 'e384b4', 'e384b7', 'e384b9', 'e38581',
  'e38582', 'e38585', 'e38587', 'e38588', 'e3858a', 'e3858b', 'e3858c', 'e3858d', 'e3858e', 'e3858f', 'e38590', 'e38591',
  'e38592', 'e38593', 'e38594', 'e38595', 'e38596', 'e38597', 'e38598', 'e38599', 'e3859a', 'e3859b', 'e3859c', 'e3859d',
  'e3859e', 'e3859f', 'e385a0', 'e385a1', 'e385a2', 'e385a3', 'e18aa0', 'e18aa1', 'e18aa2', 'e18aa3', 'e18aa4', 'e18aa5',
  'e18aa6', 'e18aa7', 'e18b88', 'e18b89', 'e18b8a', 'e18b8b', 'e18b8c', 'e18b8d', 'e18b8e', 'e18ab0', 'e18ab1', 'e18ab2',
  'e18ab3', 'e18ab4', 'e18ab5', 'e18ab6', 'e18c90', 'e18c91', 'e18c92', 'e18898', 'e18c94', 'e18c95', 'e18c96', 'e0a485',
  'e0a486', 'e0a487', 'e0a488', 'e0a489', 'e0a48a', 'e0a48b', 'e0a48f', 'e0a490', 'e0a493', 'e0a494', 'e0a495', 'e0a496',
  'e0a497', 'e0a498', 'e0a499', 'e0a49a', 'e0a49b', 'e0a49c', 'e0a49d', 'e0a49e', 'e0a49f', 'e0a4a0', 'e0a4a1', 'e0a4a2',
  'e0a4a3', 'e0a4a4', 'e0a4a5', 'e0a4a6', 'e0a4a7', 'e0a4a8', 'e0a4aa', 'e0a4ab', 'e0a4ac', 'e0a4ad', 'e0a4ae', 'e0a4af',
  'e0a4b0', 'e0a4b2', 'e0a4b5', 'e0a4b6', 'e0a4b7', 'e0a4b8', 'e0a4b9', 'e382a2', 'e382a4', 'e382a6', 'e382a8', 'e382aa',
  'e382ab', 'e382ad', 'e382af', 'e382b1', 'e382b3', 'e382b5', 'e382b7', 'e382b9', 'e382bb', 'e382bd', 'e382bf', 'e38381',
  'e38384', 'e38386', 'e38388', 'e3838a', 'e3838b', 'e3838c', 'e3838d', 'e3838e', 'e3838f', 'e38392', 'e38395', 'e38398',
  'e3839b', 'e3839e', 'e3839f', 'e383a0', 'e383a1', 'e383a2', 'e383a4', 'e383a6', 'e383a8', 'e383a9', 'e383aa', 'e383ab',
  'e383ac', 'e383ad', 'e383af', 'e383b2', 'e383b3', 'e2b4b0', 'e2b4b1', 'e2b4b2', 'e2b4b3', 'e2b4b4', 'e2b4b5', 'e2b4b6',
  'e2b4b7', 'e2b4b8', 'e2b4b9', 'e2b4ba', 'e2b4bb', 'e2b4bc', 'e2b4bd', 'e2b4be', 'e2b4bf', 'e2b580', 'e2b581', 'e2b582',
  'e2b583', 'e2b584', 'e2b585', 'e2b586', 'e2b587', 'e2b588', 'e2b589', 'e2b58a', 'e2b58b', 'e2b58c', 'e2b58d', 'e2b58e',
  'e2b58f', 'e2b590', 'e2b591', 'e2b592', 'e2b593', 'e0b685', 'e0b686', 'e0b689', 'e0b68a', 'e0b68b', 'e0b68c', 'e0b68d',
  'e0b68e', 'e0b68f', 'e0b690', 'e0b691', 'e0b692', 'e0b693', 'e0b694', 'e0b695', 'e0b696', 'e0b69a', 'e0b69b', 'e0b69c',
  'e0b69d', 'e0b69e', 'e0b6a0', 'e0b6a1', 'e0b6a2', 'e0b6a3', 'e0b6a4', 'e0b6a7', 'e0b6a5', 'e0b6a6', 'e0b6a9', 'e0b6a8',
  'e0b6aa', 'e0b6ab', 'e0b6ac', 'e0b6ad', 'e0b6ae', 'e0b6af', 'e0b6b0',
]

/** `SYMBOLS` (symbols.rs:8). */
export const SYMBOLS: readonly Uint8Array[] = SYMBOL_HEX.map((h) => hexToU8a(`0x${h}`))
/** `DEFAULT_SYMBOL` = Τ (upper-case tau, CE A4): root's symbol, and what a netuid past the table or an exhausted table gets. Not TokenSymbol's storage default (𝜏). */
export const DEFAULT_SYMBOL: Uint8Array = SYMBOLS[0]!

/** The default names of `get_name_for_subnet` (symbols.rs:472), by netuid; past the table: "unknown". */
const SUBNET_NAMES: readonly string[] = [
  'root', 'apex', 'omron', 'templar', 'targon', 'kaito', 'infinite', 'subvortex', 'ptn', 'pretrain',
  'sturdy', 'dippy', 'horde', 'dataverse', 'palaidn', 'deval', 'bitads', '3gen', 'cortex', 'inference',
  'bitagent', 'any-any', 'meta', 'social', 'omega', 'protein', 'alchemy', 'compute', 'oracle', 'coldint',
  'bet', 'naschain', 'itsai', 'ready', 'mind', 'logic', 'automata', 'tuning', 'distributed', 'edge',
  'chunk', 'sportsensor', 'masa', 'graphite', 'score', 'gen42', 'neural', 'condense', 'nextplace', 'automl',
  'audio', 'celium', 'dojo', 'frontier', 'safescan', 'unknown', 'gradients', 'gaia', 'dippy-speach', 'agent-arena',
  'unknown', 'red team', 'agentao', 'lean-in', 'chutes', 'sad', 'dad', 'ta', 'dha', 'ain',
  'ghayn', 'fa', 'qaf', 'kaf', 'lam', 'mim', 'nun', 'ha', 'waw', 'ya',
  'alef', 'fehu', 'uruz', 'thurisaz', 'ansuz', 'raidho', 'kaunan', 'cyr_yeru', 'algiz', 'berkanan',
  'ogham', 'beith', 'luis', 'fearn', 'sail', 'nion', 'forfeda', 'ani', 'bani', 'gani',
  'doni', 'eni', 'vini', 'ayp', 'ben', 'gim', 'da', 'ech', 'za', 'armeni',
  'grave', 'io', 'dje', 'gje', 'ie', 'dze', 'hard_sign', 'alfa', 'alfas', 'vida',
  'vida_small', 'gamma', 'gamma_small', 'brahmi_a', 'brahmi_aa', 'brahmi_i', 'brahmi_ii', 'brahmi_u', 'la', 'va',
  'sha', 'ssa', 'sa', 'ha', 'glagolitic_az', 'glagolitic_buky', 'glagolitic_vede', 'glagolitic_glagoli', 'glagolitic_dobro', 'glagolitic_yest',
  'glagolitic_zhivete', 'glagolitic_zemlja', 'glagolitic_izhe', 'glagolitic_initial_izhe', 'glagolitic_i', 'glagolitic_djerv', 'glagolitic_kako', 'glagolitic_ljudije', 'glagolitic_myse', 'glagolitic_nash',
  'glagolitic_on', 'glagolitic_pokoj', 'glagolitic_rtsy', 'glagolitic_slovo', 'glagolitic_tvrido', 'glagolitic_uku', 'glagolitic_fert', 'glagolitic_xrivi', 'glagolitic_ot', 'glagolitic_cy',
  'glagolitic_shcha', 'glagolitic_er', 'glagolitic_yeru', 'glagolitic_small_yer', 'glagolitic_yo', 'glagolitic_yu', 'glagolitic_ja', 'thai_ko_kai', 'thai_kho_khai', 'thai_kho_khuat',
  'thai_kho_khon', 'thai_kho_rakhang', 'thai_kho_khwai', 'thai_ngo_ngu', 'thai_cho_chan', 'thai_cho_ching', 'thai_cho_chang', 'thai_so_so', 'thai_cho_choe', 'thai_yo_ying',
  'thai_do_chada', 'thai_to_patak', 'thai_tho_than', 'thai_tho_nangmontho', 'thai_tho_phuthao', 'thai_no_nen', 'thai_do_dek', 'thai_to_tao', 'thai_tho_thung', 'thai_tho_thahan',
  'thai_tho_thong', 'thai_no_nu', 'thai_bo_baimai', 'thai_po_pla', 'thai_pho_phung', 'thai_fo_fa', 'thai_pho_phan', 'thai_fo_fan', 'thai_pho_samphao', 'thai_mo_ma',
  'thai_yo_yak', 'thai_ro_rua', 'thai_lo_ling', 'thai_wo_waen', 'thai_so_sala', 'thai_so_rusi', 'thai_so_sua', 'thai_ho_hip', 'thai_lo_chula', 'thai_o_ang',
  'thai_ho_nokhuk', 'hangul_giyeok', 'hangul_nieun', 'hangul_digeut', 'hangul_rieul', 'hangul_mieum', 'hangul_bieup', 'hangul_siot', 'hangul_ieung', 'hangul_jieut',
  'hangul_chieut', 'hangul_kieuk', 'hangul_tieut', 'hangul_pieup', 'hangul_hieut', 'hangul_a', 'hangul_ae', 'hangul_ya', 'hangul_yae', 'hangul_eo',
  'hangul_e', 'hangul_yeo', 'hangul_ye', 'hangul_o', 'hangul_wa', 'hangul_wae', 'hangul_oe', 'hangul_yo', 'hangul_u', 'hangul_weo',
  'hangul_we', 'hangul_wi', 'hangul_yu', 'hangul_eu', 'hangul_ui', 'hangul_i', 'ethiopic_glottal_a', 'ethiopic_glottal_u', 'ethiopic_glottal_i', 'ethiopic_glottal_aa',
  'ethiopic_glottal_e', 'ethiopic_glottal_ie', 'ethiopic_glottal_o', 'ethiopic_glottal_wa', 'ethiopic_wa', 'ethiopic_wu', 'ethiopic_wi', 'ethiopic_waa', 'ethiopic_we', 'ethiopic_wye',
  'ethiopic_wo', 'ethiopic_ko', 'ethiopic_ku', 'ethiopic_ki', 'ethiopic_kua', 'ethiopic_ke', 'ethiopic_kwe', 'ethiopic_ko_alt', 'ethiopic_go', 'ethiopic_gu',
  'ethiopic_gi', 'ethiopic_gua', 'ethiopic_ge', 'ethiopic_gwe', 'ethiopic_go_alt', 'devanagari_a', 'devanagari_aa', 'devanagari_i', 'devanagari_ii', 'devanagari_u',
  'devanagari_uu', 'devanagari_r', 'devanagari_e', 'devanagari_ai', 'devanagari_o', 'devanagari_au', 'devanagari_ka', 'devanagari_kha', 'devanagari_ga', 'devanagari_gha',
  'devanagari_nga', 'devanagari_cha', 'devanagari_chha', 'devanagari_ja', 'devanagari_jha', 'devanagari_nya', 'devanagari_ta', 'devanagari_tha', 'devanagari_da', 'devanagari_dha',
  'devanagari_na', 'devanagari_ta_alt', 'devanagari_tha_alt', 'devanagari_da_alt', 'devanagari_dha_alt', 'devanagari_na_alt', 'devanagari_pa', 'devanagari_pha', 'devanagari_ba', 'devanagari_bha',
  'devanagari_ma', 'devanagari_ya', 'devanagari_ra', 'devanagari_la', 'devanagari_va', 'devanagari_sha', 'devanagari_ssa', 'devanagari_sa', 'devanagari_ha', 'katakana_a',
  'kana_i', 'kana_u', 'kana_e', 'kana_o', 'kana_a', 'kana_ki', 'kana_ku', 'kana_ke', 'kana_ko', 'kana_sa',
  'kana_shi', 'kana_su', 'kana_se', 'kana_so', 'kana_ta', 'kana_chi', 'kana_tsu', 'kana_te', 'kana_to', 'kana_na',
  'kana_ni', 'kana_nu', 'kana_ne', 'kana_no', 'kana_ha', 'kana_hi', 'kana_fu', 'kana_he', 'kana_ho', 'kana_ma',
  'kana_mi', 'kana_mu', 'kana_me', 'kana_mo', 'kana_ya', 'kana_yu', 'kana_yo', 'kana_ra', 'kana_ri', 'kana_ru',
  'kana_re', 'kana_ro', 'kana_wa', 'kana_wo', 'kana_n', 'ya', 'yab', 'yabh', 'yag', 'yagh',
  'yaj', 'yach', 'yad', 'yadh', 'yadhe', 'yaz', 'yazh', 'yaf', 'yak', 'yakv',
  'yaq', 'yah', 'yahh', 'yahl', 'yahm', 'yayn', 'yakh', 'yakl', 'yahq', 'yash',
  'yi', 'yij', 'yizh', 'yink', 'yal', 'yam', 'yan', 'yang', 'yany', 'yap',
  'yu', 'a', 'aa', 'i', 'ii', 'u', 'uu', 'r', 'rr', 'l',
  'll', 'e', 'ee', 'ai', 'o', 'oo', 'au', 'ka', 'kha', 'ga',
  'gha', 'nga', 'cha', 'chha', 'ja', 'jha', 'nya', 'ta', 'tha', 'da',
  'dha', 'na', 'pa', 'pha', 'ba', 'bha', 'ma', 'ya', 'ra',
]

const hex = (b: Uint8Array) => u8aToHex(b)
const usedSymbols = (storage: StorageBackend) => new Set(TokenSymbol.entries(storage).map(([, v]) => hex(v)))

/** `get_symbol_for_subnet`: SYMBOLS[netuid], or DEFAULT_SYMBOL past the table. */
export const symbolForSubnet = (netuid: NetUid): Uint8Array => SYMBOLS[netuid] ?? DEFAULT_SYMBOL

/** `get_name_for_subnet`: the subnet identity's name when set and non-empty, else the netuid's default name. */
export function subnetName(storage: StorageBackend, netuid: NetUid): Uint8Array {
  const name = SubnetIdentitiesV3.get(storage, netuid)?.subnetName
  if (name !== undefined && name.length > 0) return name
  return new TextEncoder().encode(SUBNET_NAMES[netuid] ?? 'unknown')
}

/** `get_next_available_symbol`: the netuid's own symbol when no TokenSymbol holds it, else the first unused one after root's, else DEFAULT_SYMBOL. */
export function nextAvailableSymbol(storage: StorageBackend, netuid: NetUid): Uint8Array {
  const used = usedSymbols(storage)
  const own = symbolForSubnet(netuid)
  if (!used.has(hex(own))) return own
  return SYMBOLS.slice(1).find((s) => !used.has(hex(s))) ?? DEFAULT_SYMBOL
}

/** `ensure_symbol_exists`: the symbol is in the table (root's Τ excluded). */
export const symbolExists = (symbol: Uint8Array): boolean => SYMBOLS.slice(1).some((s) => hex(s) === hex(symbol))

/** `ensure_symbol_available`: no subnet's TokenSymbol holds it. */
export const symbolAvailable = (storage: StorageBackend, symbol: Uint8Array): boolean => !usedSymbols(storage).has(hex(symbol))

/** `ensure_subnet_owner_or_root`: root passes; a signed origin passes when it owns the subnet; anything else is BadOrigin. */
export function ensureSubnetOwnerOrRoot(ctx: Pick<DispatchContext, 'storage'>, origin: Origin, netuid: NetUid): void {
  if (origin.type === 'Root') return
  if (origin.type === 'Signed' && SubnetOwner.get(ctx.storage, netuid) === origin.value) return
  throw new DispatchFailure({ type: 'BadOrigin' })
}

/** `update_symbol` [112]: the subnet owner (or root) picks another unused symbol from the table. */
export function doUpdateSymbol(ctx: DispatchContext, origin: Origin, { netuid, symbol }: { netuid: NetUid; symbol: Uint8Array }): void {
  // 1) owner or root (no existence check, as in subtensor)
  ensureSubnetOwnerOrRoot(ctx, origin, netuid)
  // 2) a symbol of the table that no subnet uses
  if (!symbolExists(symbol)) throw dispatchError(P, 'SymbolDoesNotExist')
  if (!symbolAvailable(ctx.storage, symbol)) throw dispatchError(P, 'SymbolAlreadyInUse')
  // 3) write and announce
  TokenSymbol.set(ctx.storage, netuid, symbol)
  ctx.deposit(events.SymbolUpdated({ netuid, symbol }))
}
