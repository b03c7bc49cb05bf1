// The 3270 Query (IBM 3270 Data Stream Programmer's Reference, GA23-0059,
// "Read Partition Query" and the Query Replies): how a terminal that says
// only IBM-DYNAMIC tells its screen size. Bytes only, no socket.
#pragma once

#include <cstdint>
#include <vector>

namespace console {

// Write Structured Field (SNA command X'F3') with one Read Partition, Query
// (partition X'FF', type X'02'): the terminal answers with AID X'88' and
// its Query Replies.
std::vector<std::uint8_t> read_partition_query();

// The alternate screen size in a Query Reply record (AID X'88'): from the
// Implicit Partition reply (QCODE X'A6') when there is one, else from the
// Usable Area reply (QCODE X'81'). False when the record has neither, or a
// size no 3270 has (fewer than 24 x 80, or more than 16,383 cells, the
// 14-bit addresses' reach).
bool query_reply_size(const std::vector<std::uint8_t>& record, int& rows, int& cols);

}  // namespace console
