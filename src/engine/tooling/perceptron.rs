//! The averaged perceptron both trainers use (the entity layer in `train.rs`, the name-likeness model in `train_names.rs`), in a seeded order so that the same examples give the same bytes.

/// A small deterministic generator for the training order (xorshift64*).
struct Order(u64);

impl Order {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Learns the weights of a linear multi-class model, `weights[feature *
/// n_classes + class]` (all zero on entry), from `examples` (hashed features, the
/// right class): `epochs` passes in an order seeded by `seed`, each mistake moving
/// the features' weights toward the right class and away from the predicted one
/// (ties go to the lower class), and the weights averaged over every step.
pub fn averaged_perceptron(
    weights: &mut [f32],
    n_classes: usize,
    examples: &[(&[u32], usize)],
    epochs: usize,
    seed: u64,
) {
    let n = weights.len();
    // Averaging: the sum of each weight over every step, kept lazily.
    let mut totals = vec![0.0f64; n];
    let mut since = vec![0u64; n];
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Order(seed);
    let mut scores = vec![0.0f32; n_classes];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            step += 1;
            let (features, label) = examples[k];
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &f in features {
                let row = &weights[f as usize * n_classes..][..n_classes];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
            let mut predicted = 0;
            for (c, &s) in scores.iter().enumerate() {
                if s > scores[predicted] {
                    predicted = c;
                }
            }
            if predicted == label {
                continue;
            }
            for &f in features {
                for (class, delta) in [(label, 1.0f32), (predicted, -1.0)] {
                    let i = f as usize * n_classes + class;
                    totals[i] += f64::from(weights[i]) * (step - since[i]) as f64;
                    since[i] = step;
                    weights[i] += delta;
                }
            }
        }
    }
    for i in 0..n {
        totals[i] += f64::from(weights[i]) * (step - since[i]) as f64;
        weights[i] = if step > 0 {
            (totals[i] / step as f64) as f32
        } else {
            0.0
        };
    }
}
