// report.h: printers of the -m records (base.h's RecordLog).
#ifndef GOESC_REPORT_H
#define GOESC_REPORT_H

#include <stdio.h>

#include "../base/base.h"

// gc's -m text: one line per record, then its explanation's lines, each
// under the record's position.
void report_text(Buf *out, const RecordLog *log);
void report_text_file(FILE *out, const RecordLog *log);

#endif
