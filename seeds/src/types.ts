/** A rectangle in image pixels, origin top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Sex = 'male' | 'female';

/** The chip CCCD (2021 model) issued to a synthetic person. */
export interface SyntheticCard {
  type: 'cccd-2021';
  /** ISO date. */
  issueDate: string;
  /** ISO date, or null for "Không thời hạn" (issued at 58 or older). */
  expiryDate: string | null;
  issuer: string;
  /** Name of the signing officer (synthetic). */
  signer: string;
  /** "Đặc điểm nhân dạng", e.g. `Nốt ruồi C:1cm trên sau cánh mũi phải`. */
  identifyingMarks: string;
  /** The 7-field pipe payload of the QR code. */
  qrPayload: string;
  /** The three 30-character TD1 MRZ lines. */
  mrz: [string, string, string];
}

/** A synthetic person: every value is made up by the seeded generator. */
export interface SyntheticPerson {
  /** Short ASCII name for folders, e.g. `01-nguyen-van-an`. */
  slug: string;
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  /** ISO date. */
  birthDate: string;
  sex: Sex;
  nationality: string;
  /** Quê quán. */
  hometown: string;
  /** Nơi thường trú. */
  permanentAddress: string;
  ethnicity: string;
  /** 3-digit province code where the birth was registered (first digits of `idNumber`). */
  birthProvinceCode: string;
  card: SyntheticCard;
}

/** One degradation applied to a rendered scan, with its parameters. */
export type Degradation =
  | { kind: 'rotate'; degrees: number }
  | { kind: 'blur'; sigma: number }
  | { kind: 'jpeg'; quality: number }
  | { kind: 'noise'; amplitude: number }
  | { kind: 'illumination'; strength: number; direction: number }
  | { kind: 'downscale'; factor: number }
  /** A phone photo's keystone: each corner of the page moved by `[dx, dy]` (fractions of the size), TL, TR, BR, BL. Never drawn by default. */
  | { kind: 'perspective'; corners: [number, number][] };

export type DegradationKind = Degradation['kind'];

/** How to degrade a rendered scan. */
export interface DegradeOptions {
  /**
   * Exact degradations to apply, in order. When absent, 2–3 are drawn from the seed.
   * @default undefined
   */
  degradations?: Degradation[];
  /**
   * Kinds to draw from when `degradations` is absent.
   * @default all kinds
   */
  kinds?: DegradationKind[];
}

export type CardSide = 'front' | 'back';

export interface RenderCccdOptions {
  side: CardSide;
  /** `false` or absent renders a clean scan. */
  degrade?: DegradeOptions | false;
  /** Seed for the degradations. */
  seed: number;
  /**
   * Output format.
   * @default 'jpeg'
   */
  format?: 'jpeg' | 'png';
  /**
   * JPEG quality of a clean scan (a `jpeg` degradation overrides it).
   * @default 85
   */
  quality?: number;
}

export interface RenderedScan {
  image: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Pixel boxes of each value, before degradation, keyed by field name. */
  boxes: Record<string, Box>;
  /** Degradations applied, in order (empty for a clean scan). */
  degradations: Degradation[];
}

export interface GenerateSeedSetOptions {
  seed: number;
  count: number;
  outDir: string;
  /**
   * Share of people whose scans are degraded (the last ones).
   * @default 0.5
   */
  degradedShare?: number;
}

/** Ground truth written beside each scan pair as `truth.json`. */
export interface ScanTruth {
  generator: string;
  seed: number;
  person: {
    idNumber: string;
    oldIdNumber?: string;
    fullName: string;
    birthDate: string;
    sex: Sex;
    nationality: string;
    hometown: string;
    permanentAddress: string;
    ethnicity: string;
  };
  card: {
    type: 'cccd-2021';
    issueDate: string;
    expiryDate: string | null;
    issuer: string;
    identifyingMarks: string;
    qrPayload: string;
    mrz: [string, string, string];
  };
  files: { front: string; back: string };
  degradations: { front: Degradation[]; back: Degradation[] };
  boxes: { front: Record<string, Box>; back: Record<string, Box> };
  image: { front: { width: number; height: number }; back: { width: number; height: number } };
}

export interface SeedSetResult {
  outDir: string;
  people: SyntheticPerson[];
  /** Folder of each person's scans, relative to `outDir`. */
  folders: string[];
}

/** A synthetic document with its ground truth under semantic keys (`org.*`, `person.*`, `land.*`, `document.*`). */
export interface SyntheticDocument<T extends string = string, R extends string = string> {
  type: T;
  /** Short ASCII name for folders. */
  slug: string;
  /** The subject's facts and the document's metadata. */
  fields: Record<string, string>;
  /** Related people (legal representative, household head, co-holder), facts without the role prefix. */
  relations: Array<{ role: R; fields: Record<string, string> }>;
}

/** A rendered document scan: one JPEG, or a multi-page TIFF for a document of several pages. */
export interface RenderedDocument {
  image: Buffer;
  format: 'jpeg' | 'tiff';
  /** Size of the first page. */
  width: number;
  height: number;
  pages: number;
  /** Pixel boxes of each value, before degradation; keys of pages after the first are `p<n>:<key>`. */
  boxes: Record<string, Box>;
  degradations: Degradation[];
}

/** Ground truth written beside a generated document scan as `truth.json`. */
export interface DocumentTruth extends SyntheticDocument {
  generator: string;
  seed: number;
  file: string;
  degradations: Degradation[];
  boxes: Record<string, Box>;
  image: { width: number; height: number; pages: number };
}

/** The text drawn on one page with ink boxes: what a perfect OCR would read. */
export interface PageText {
  width: number;
  height: number;
  runs: Array<{ text: string; box: Box }>;
}
