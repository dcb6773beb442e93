// Custom Elements Manifest of the published package (dist-lib/custom-elements.json), for editors,
// Storybook and docs tools. Internal reactive state (Lit `state: true`, `_name`) and private members
// are implementation details, so they stay out of it.
const internal = (m) => m.privacy === 'private' || m.privacy === 'protected' || m.name?.startsWith('_') || m.name?.startsWith('#');

export default {
  globs: ['src/element/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*-styles.ts'],
  outdir: 'dist-lib',
  litelement: true,
  plugins: [
    {
      name: 'twinby-public-surface',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.members) decl.members = decl.members.filter((m) => !internal(m));
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.name.startsWith('_'));
          }
        }
      },
    },
  ],
};
