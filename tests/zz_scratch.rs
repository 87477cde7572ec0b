use matrix_explorer::data::import_bytes;
#[test]
fn show() {
    let mut names: Vec<_> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in names {
        let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
        match import_bytes(&bytes) {
            Ok(imp) => println!(
                "{name}: OK items={} crit={} {:?} notes={:?}\n   first={:?}",
                imp.matrix.items.len(),
                imp.matrix.criteria.len(),
                imp.encoding,
                imp.notes,
                imp.matrix.items.first()
            ),
            Err(ps) => {
                println!("{name}: ERR {}", ps.len());
                for p in ps {
                    println!("   {p}   [{:?},{:?}]", p.row, p.column);
                }
            }
        }
    }
}
