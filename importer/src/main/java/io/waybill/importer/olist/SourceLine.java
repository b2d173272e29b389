package io.waybill.importer.olist;

/** Position of a record in an input file: the file name and the 1-based line number, header included. */
public record SourceLine(String file, long line) {

    @Override
    public String toString() {
        return file + " line " + line;
    }
}
