/** AdV code list for roof types (RoofTypeTypeAdV, after the ALKIS Dachform). */
export const roofTypeCodes: Record<string, readonly [de: string, en: string]> = {
  '1000': ['Flachdach', 'Flat roof'],
  '2100': ['Pultdach', 'Mono-pitch roof'],
  '2200': ['Versetztes Pultdach', 'Offset mono-pitch roof'],
  '3100': ['Satteldach', 'Gable roof'],
  '3200': ['Walmdach', 'Hipped roof'],
  '3300': ['Krüppelwalmdach', 'Half-hipped roof'],
  '3400': ['Mansardendach', 'Mansard roof'],
  '3500': ['Zeltdach', 'Pyramid roof'],
  '3600': ['Kegeldach', 'Conical roof'],
  '3700': ['Kuppeldach', 'Dome roof'],
  '3800': ['Sheddach', 'Sawtooth roof'],
  '3900': ['Bogendach', 'Barrel roof'],
  '4000': ['Turmdach', 'Tower roof'],
  '5000': ['Mischform', 'Mixed form'],
  '9999': ['Sonstiges', 'Other'],
};
