use matrix_explorer::data::{seed_matrices, synthetic_matrix};
use matrix_explorer::engine::{audit, baseline, compare_priorities, evaluate, table_rows, rank};
use matrix_explorer::model::{Settings, UnknownPolicy, Weight, Thresholds};

#[test]
fn golden() {
    let mode = std::env::var("GOLDEN").unwrap_or_default();
    let mut matrices = seed_matrices().unwrap();
    matrices.push(synthetic_matrix(3000, 20, 10, 5));
    matrices.push(synthetic_matrix(2000, 1, 2000, 6));
    matrices.push(synthetic_matrix(1500, 0, 30, 7));
    matrices.push(synthetic_matrix(1500, 0, 0, 8));
    let mut m = synthetic_matrix(1200, 10, 10, 9);
    // shuffle some group/category assignment so categories are not contiguous
    for i in 0..m.items.len() { if i % 3 == 0 { let j = (i * 7919) % m.items.len(); let (g, c) = (m.items[j].group.clone(), m.items[j].category.clone()); m.items[i].group = g; m.items[i].category = c; } }
    m.items[5].scores.truncate(3);
    matrices.push(m);
    let mut out = String::new();
    let weight_sets: Vec<Vec<f64>> = vec![vec![], vec![1.0, 2.0, 0.5, 3.3, 1.7, 0.0, 2.2], vec![0.1, 0.2, 0.3, 0.7, 4.9, 1.1, 0.0], vec![0.0;12], vec![1.0/3.0, 2.0/3.0, 0.1, 0.7, 1.3, 1.0/7.0, 2.9, 3.1, 0.4, 0.6]];
    for (mi, matrix) in matrices.iter().enumerate() {
        for ws in &weight_sets {
            for rescale in [false, true] {
                for policy in UnknownPolicy::ALL {
                    let mut s = Settings::published(matrix);
                    for (i, w) in ws.iter().enumerate() { if i < s.weights.len() { s.weights[i] = Weight::clamped(*w); } }
                    s.rescale = rescale;
                    s.unknown_policy = policy;
                    s.thresholds = if rescale { Thresholds { amber: 7.3, red: 12.000001 } } else { matrix.thresholds };
                    let e = evaluate(matrix, &s);
                    out.push_str(&format!("{mi} {ws:?} {rescale} {policy:?}\n"));
                    out.push_str(&serde_json::to_string(&e).unwrap());
                    out.push_str(&serde_json::to_string(&table_rows(&e)).unwrap());
                    out.push_str(&serde_json::to_string(&compare_priorities(matrix, &e)).unwrap());
                    out.push('\n');
                }
            }
        }
        out.push_str(&serde_json::to_string(&audit(matrix)).unwrap());
        out.push_str(&serde_json::to_string(&baseline(matrix)).unwrap());
        out.push('\n');
    }
    let weird = [3.0, f64::NAN, -0.0, 0.0, 2.0, f64::INFINITY, 1.0, f64::NEG_INFINITY, 2.0, 1e-10, 0.0];
    out.push_str(&format!("{:?}\n", rank(&weird)));
    out.push_str(&format!("{:?}\n", rank(&[1.0, 1.0 + 1e-10, 1.0 + 2e-9, 0.5, -0.0, 0.0])));
    let path = "/tmp/golden/out.txt";
    if mode == "write" { std::fs::write(path, &out).unwrap(); } else {
        let want = std::fs::read_to_string(path).unwrap();
        if want != out { std::fs::write("/tmp/golden/new.txt", &out).unwrap(); panic!("differs"); }
    }
}
