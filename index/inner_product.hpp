// InnerProduct: the dot product of two float vectors, the distance of the
// vector index. Debian's Faiss is built for the x86-64 baseline, so its own
// distance loop is scalar; this one uses AVX2+FMA when the CPU has them
// (checked once, at run time) and a portable loop otherwise. Both give the
// same result up to float rounding.
#pragma once

#include <cstddef>

namespace mnemo::index {

float InnerProduct(const float* a, const float* b, size_t dimension);

}  // namespace mnemo::index
