// The indentation of a line and how deep it reaches, shared by the code that places and re-indents code.

/** The spaces and tabs a line starts with. */
export const leading = (line: string): string => /^[ \t]*/.exec(line)![0];

/** How deep an indentation reaches, a tab counting as four spaces. */
export const widthOf = (indent: string): number => indent.replace(/\t/g, '    ').length;
