// Whether a pairing's cards and mail hide the subjects of mail. The spec's default is to show them; there is no
// per-pairing privacy-mode setting yet, so every caller asks here and the setting lands in one place.
export const PRIVACY_MODE = false;
